package dev.vis.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Gates entered in order and left in reverse; a refusal gives back what the earlier ones lent. */
final class GateChain implements CallGate {
  private final List<CallGate> gates;

  GateChain(List<CallGate> gates) {
    this.gates = List.copyOf(gates);
  }

  @Override
  public Pass enter(CallTicket ticket) throws InterruptedException {
    Deque<Pass> held = new ArrayDeque<>();
    try {
      for (CallGate gate : gates) {
        Pass pass = gate.enter(ticket);
        if (pass == Pass.REFUSED) {
          closeAll(held);
          return Pass.REFUSED;
        }
        held.push(pass);
      }
    } catch (InterruptedException | RuntimeException e) {
      closeAll(held);
      throw e;
    }
    return () -> closeAll(held);
  }

  private static void closeAll(Deque<Pass> held) {
    while (!held.isEmpty()) {
      held.pop().close();
    }
  }
}
