package dev.vis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountTableTest {
  @TempDir Path dir;

  private static final String MOUNTS =
      """
      /dev/sda1 / ext4 rw,relatime 0 0
      proc /proc proc rw,nosuid 0 0
      nas:/export/team /mnt/team nfs4 rw,vers=4.2 0 0
      //files/share /mnt/my\\040share cifs rw 0 0
      user@host:/srv /home/me/remote fuse.sshfs rw 0 0
      tmpfs /mnt/team/scratch tmpfs rw 0 0
      """;

  @Test
  void finds_the_longest_mount_point_a_path_lies_under() {
    MountTable table = MountTable.parse(MOUNTS);
    assertThat(table.mountOf(Path.of("/mnt/team/data/vis.db")))
        .map(MountTable.Mount::type)
        .hasValue("nfs4");
    assertThat(table.mountOf(Path.of("/mnt/team/scratch/vis.db")))
        .map(MountTable.Mount::type)
        .hasValue("tmpfs");
    assertThat(table.mountOf(Path.of("/mnt/teamwork/vis.db")))
        .map(MountTable.Mount::type)
        .as("a sibling whose name only starts like the mount point")
        .hasValue("ext4");
  }

  @Test
  void tells_network_file_systems_from_local_ones() {
    MountTable table = MountTable.parse(MOUNTS);
    assertThat(table.networkFileSystem(Path.of("/mnt/team/vis.db"))).hasValue("nfs4");
    assertThat(table.networkFileSystem(Path.of("/mnt/my share/vis.db"))).hasValue("cifs");
    assertThat(table.networkFileSystem(Path.of("/home/me/remote/vis.db"))).hasValue("fuse.sshfs");
    assertThat(table.networkFileSystem(Path.of("/home/me/vis.db"))).isEmpty();
    assertThat(table.networkFileSystem(Path.of("/mnt/team/scratch/vis.db"))).isEmpty();
  }

  @Test
  void follows_symbolic_links_to_where_the_file_really_is() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    MountTable table =
        MountTable.parse("/dev/sda1 / ext4 rw 0 0\nnas:/x " + real.toRealPath() + " nfs rw 0 0");
    assertThat(table.networkFileSystem(link.resolve("vis.db"))).hasValue("nfs");
  }

  @Test
  void without_a_mount_table_blames_no_network() {
    assertThat(MountTable.empty().networkFileSystem(Path.of("/mnt/team/vis.db"))).isEmpty();
  }
}
