package dev.vis.cli;

import picocli.CommandLine.Parameters;

/** The optional {@code RUN} argument of the reading commands: defaults to the latest run. */
final class RunArgument {
  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "latest",
      paramLabel = "RUN",
      description = "Run id, id prefix, 'latest', spec name or NAME~N (default: ${DEFAULT-VALUE})")
  String reference;
}
