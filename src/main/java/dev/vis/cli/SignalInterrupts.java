package dev.vis.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * Ctrl-C as the process's SIGINT, through {@code sun.misc.Signal} (module jdk.unsupported, exported
 * and kept by the JDK for exactly this) reached by reflection, because a direct reference draws a
 * proprietary-API warning that {@code -Xlint} cannot silence. A shutdown hook cannot tell a second
 * Ctrl-C from the first; a signal handler can. Where the class is missing, Ctrl-C falls back to the
 * JVM's default (shutdown hooks).
 */
final class SignalInterrupts implements Interrupts {
  private static final String SIGNAL = "sun.misc.Signal";
  private static final String HANDLER = "sun.misc.SignalHandler";

  @Override
  public Watch watch(Runnable onInterrupt) {
    return install(onInterrupt).orElse(() -> {});
  }

  private static Optional<Watch> install(Runnable onInterrupt) {
    try {
      Class<?> signalType = Class.forName(SIGNAL);
      Class<?> handlerType = Class.forName(HANDLER);
      Object sigint = signalType.getConstructor(String.class).newInstance("INT");
      Object handler =
          Proxy.newProxyInstance(
              SignalInterrupts.class.getClassLoader(),
              new Class<?>[] {handlerType},
              (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                  onInterrupt.run();
                  return null;
                }
                return switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> "vis SIGINT handler";
                };
              });
      Method handle = signalType.getMethod("handle", signalType, handlerType);
      Object previous = handle.invoke(null, sigint, handler);
      return Optional.of(
          () -> {
            try {
              handle.invoke(null, sigint, previous);
            } catch (IllegalAccessException | InvocationTargetException e) {
              // the JVM is going down or signals are off (-Xrs): nothing to restore
            }
          });
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // no sun.misc.Signal, or SIGINT is reserved (java -Xrs): keep the JVM's default
      return Optional.empty();
    }
  }
}
