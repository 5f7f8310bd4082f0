package dev.vis.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * SIGINT, SIGTERM and SIGHUP as the process receives them, through {@code sun.misc.Signal} (module
 * jdk.unsupported, exported and kept by the JDK for exactly this) reached by reflection, because a
 * direct reference draws a proprietary-API warning that {@code -Xlint} cannot silence. A shutdown
 * hook cannot tell a second Ctrl-C from the first, nor SIGTERM from SIGHUP; a signal handler can.
 * Where a signal cannot be handled (no such class, {@code java -Xrs}), it keeps the JVM's default
 * (shutdown hooks, then exit 128 + its number); a signal ignored from the start, as under {@code
 * nohup}, stays ignored.
 */
final class SignalInterrupts implements Interrupts {
  private static final String SIGNAL = "sun.misc.Signal";
  private static final String HANDLER = "sun.misc.SignalHandler";

  @Override
  public Watch watch(Consumer<StopSignal> onSignal) {
    List<Watch> installed = new ArrayList<>();
    for (StopSignal s : StopSignal.values()) {
      install(s, onSignal).ifPresent(installed::add);
    }
    return () -> installed.forEach(Watch::close);
  }

  private static Optional<Watch> install(StopSignal stop, Consumer<StopSignal> onSignal) {
    try {
      Class<?> signalType = Class.forName(SIGNAL);
      Class<?> handlerType = Class.forName(HANDLER);
      String name = stop.label().substring("SIG".length());
      Object signal = signalType.getConstructor(String.class).newInstance(name);
      Object handler =
          Proxy.newProxyInstance(
              SignalInterrupts.class.getClassLoader(),
              new Class<?>[] {handlerType},
              (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                  onSignal.accept(stop);
                  return null;
                }
                return switch (method.getName()) {
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> "vis " + stop.label() + " handler";
                };
              });
      Method handle = signalType.getMethod("handle", signalType, handlerType);
      Object previous = handle.invoke(null, signal, handler);
      if (isIgnore(previous)) {
        // ignored before vis started (nohup): put the ignoring back
        handle.invoke(null, signal, previous);
        return Optional.empty();
      }
      return Optional.of(
          () -> {
            try {
              handle.invoke(null, signal, previous);
            } catch (IllegalAccessException | InvocationTargetException e) {
              // the JVM is going down or signals are off (-Xrs): nothing to restore
            }
          });
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // no sun.misc.Signal, or the signal is reserved (java -Xrs): keep the JVM's default
      return Optional.empty();
    }
  }

  private static boolean isIgnore(Object handler) throws ReflectiveOperationException {
    Object ignore = Class.forName(HANDLER).getField("SIG_IGN").get(null);
    return handler == ignore;
  }
}
