import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes a jar of the classes in JAR whose class files are older than Java 6 (picocli's are Java
 * 5), rewritten as Java 8 class files with the stack maps the JVM's own verifier needs: the JDK 25
 * AOT cache refuses old class files ("Old class has been linked"), and so every class that extends
 * or implements one. Put before JAR on the class path, the copies load instead, from the cache.
 * Each copy is verified here, so one the JVM would refuse fails the whole jar, never a command.
 *
 * <p>Run by .mvn/startup-cache.sh with the JDK 24+ that records the cache (the class-file API is
 * final from JDK 24): {@code java .mvn/OldClassUpgrade.java JAR OUT}; exits 0 with no OUT when no
 * class is old.
 */
public final class OldClassUpgrade {
  /** The first class-file version the JVM verifies by stack maps alone (Java 6). */
  private static final int STACK_MAPS = 50;

  private static final int TARGET = ClassFile.JAVA_8_VERSION;

  private OldClassUpgrade() {}

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    Path out = Path.of(args[1]);
    try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        ZipFile zip = new ZipFile(jar.toFile())) {
      ClassFile files =
          ClassFile.of(
              ClassFile.ClassHierarchyResolverOption.of(
                  ClassHierarchyResolver.defaultResolver()
                      .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
      List<? extends ZipEntry> old =
          Collections.list(zip.entries()).stream()
              .filter(e -> e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/"))
              .filter(e -> version(zip, e) < STACK_MAPS)
              .toList();
      if (old.isEmpty()) {
        return;
      }
      try (ZipOutputStream upgraded = new ZipOutputStream(Files.newOutputStream(out))) {
        for (ZipEntry entry : old) {
          byte[] bytes = files.transformClass(files.parse(read(zip, entry)), upgrade());
          List<VerifyError> errors = files.verify(bytes);
          if (!errors.isEmpty()) {
            throw new IllegalStateException(entry.getName() + ": " + errors.getFirst());
          }
          ZipEntry copy = new ZipEntry(entry.getName());
          copy.setTime(entry.getTime());
          upgraded.putNextEntry(copy);
          upgraded.write(bytes);
        }
      }
    }
  }

  /** Every method body rebuilt (which computes its stack maps) under the new version. */
  private static ClassTransform upgrade() {
    return ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
        .andThen(
            (builder, element) -> {
              if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET, 0);
              } else {
                builder.with(element);
              }
            });
  }

  private static int version(ZipFile zip, ZipEntry entry) {
    byte[] head = new byte[8];
    try (InputStream in = zip.getInputStream(entry)) {
      if (in.readNBytes(head, 0, 8) < 8) {
        return Integer.MAX_VALUE;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ((head[6] & 0xff) << 8) | (head[7] & 0xff);
  }

  private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }
}
