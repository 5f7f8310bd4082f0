package dev.vis.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates commands, handing the {@link CliContext} to those whose constructor takes it. */
final class ContextFactory implements CommandLine.IFactory {
  private final CliContext context;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  ContextFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      Constructor<K> withContext = type.getDeclaredConstructor(CliContext.class);
      withContext.setAccessible(true);
      return withContext.newInstance(context);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
  }
}
