package dev.vis.engine;

import dev.vis.spec.EndpointKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Calls in flight counted against every cap that holds them (model, endpoint, all), with a priority
 * lane: a call back from a retry delay gets the next slot free at all of its caps before any call
 * still waiting for its first attempt, each lane first come, first served. A call takes all its
 * permits at once or waits holding none, so a call held up by a busy endpoint or model keeps no
 * slot another call could use. Thread-safe; a waiting virtual thread does not pin its carrier.
 */
final class PermitPool {

  /** The queue a call waits in when a cap of its is full. */
  enum Lane {
    /** A call that has made no attempt yet. */
    FIRST,
    /** A call that gave its permits back to wait out a retry delay: served first. */
    RETRY
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Cap global;
  private final Map<EndpointKey, Cap> perEndpoint;
  private final Map<String, Cap> perModel;
  // waiting calls grouped by the caps they need, so a release looks at one head per group
  private final Map<Caps, Queues> waiting = new HashMap<>(); // guarded by lock
  private long arrivals; // guarded by lock

  /**
   * @param global calls in flight in all
   * @param perEndpoint caps keyed by endpoint (absent: no cap of its own)
   * @param perModel caps keyed by model id (absent: no cap of its own)
   */
  PermitPool(int global, Map<EndpointKey, Integer> perEndpoint, Map<String, Integer> perModel) {
    this.global = new Cap(global);
    this.perEndpoint = caps(perEndpoint);
    this.perModel = caps(perModel);
  }

  private static <K> Map<K, Cap> caps(Map<K, Integer> limits) {
    Map<K, Cap> map = new HashMap<>();
    limits.forEach((key, limit) -> map.put(key, new Cap(limit)));
    return Map.copyOf(map);
  }

  /**
   * Takes a permit of every cap holding {@code ticket}'s call, waiting in {@code lane} while one is
   * full.
   *
   * @throws InterruptedException when interrupted before or while waiting: nothing is then held
   */
  void acquire(CallTicket ticket, Lane lane) throws InterruptedException {
    Caps caps = capsOf(ticket);
    lock.lockInterruptibly();
    try {
      // after every release the waiters that fit are served: a call that fits now jumps no one
      if (caps.fit()) {
        caps.take();
        return;
      }
      Waiter me = new Waiter(lock.newCondition(), lane, arrivals++);
      Queues queues = waiting.computeIfAbsent(caps, c -> new Queues());
      queues.of(lane).addLast(me);
      try {
        while (!me.granted) {
          me.turn.await();
        }
      } catch (InterruptedException e) {
        if (me.granted) {
          caps.give();
          serve();
        } else {
          queues.of(lane).remove(me);
          queues.dropIfEmpty(waiting, caps);
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Gives back the permits {@link #acquire} took for {@code ticket}. */
  void release(CallTicket ticket) {
    Caps caps = capsOf(ticket);
    lock.lock();
    try {
      caps.give();
      serve();
    } finally {
      lock.unlock();
    }
  }

  /** Calls waiting, in both lanes. */
  int waiting() {
    lock.lock();
    try {
      return waiting.values().stream().mapToInt(Queues::size).sum();
    } finally {
      lock.unlock();
    }
  }

  /** Hands permits to waiting calls that fit, retries first, then by arrival; lock held. */
  private void serve() {
    while (true) {
      Caps best = null;
      Waiter next = null;
      for (Map.Entry<Caps, Queues> entry : waiting.entrySet()) {
        Waiter head = entry.getValue().head();
        if (entry.getKey().fit() && head.before(next)) {
          best = entry.getKey();
          next = head;
        }
      }
      if (next == null) {
        return;
      }
      Queues queues = waiting.get(best);
      queues.of(next.lane).removeFirst();
      queues.dropIfEmpty(waiting, best);
      best.take();
      next.granted = true;
      next.turn.signal();
    }
  }

  private Caps capsOf(CallTicket ticket) {
    List<Cap> caps = new ArrayList<>(3);
    Cap model = perModel.get(ticket.modelId());
    Cap endpoint = perEndpoint.get(ticket.endpoint());
    if (model != null) {
      caps.add(model);
    }
    if (endpoint != null) {
      caps.add(endpoint);
    }
    caps.add(global);
    return new Caps(List.copyOf(caps));
  }

  /** One limit's count of calls in flight; guarded by the pool's lock. */
  private static final class Cap {
    final int limit;
    int inFlight;

    Cap(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("a concurrency cap must be at least 1: " + limit);
      }
      this.limit = limit;
    }
  }

  /** The caps one call counts against; equal for calls of one model on one endpoint. */
  private record Caps(List<Cap> caps) {
    boolean fit() {
      return caps.stream().allMatch(c -> c.inFlight < c.limit);
    }

    void take() {
      caps.forEach(c -> c.inFlight++);
    }

    void give() {
      caps.forEach(c -> c.inFlight--);
    }
  }

  /** The calls waiting for one set of caps, in their two lanes; guarded by the pool's lock. */
  private static final class Queues {
    final Deque<Waiter> retries = new ArrayDeque<>();
    final Deque<Waiter> firsts = new ArrayDeque<>();

    Deque<Waiter> of(Lane lane) {
      return lane == Lane.RETRY ? retries : firsts;
    }

    /** The first to serve: the longest-waiting retry, else the longest-waiting fresh call. */
    Waiter head() {
      return retries.isEmpty() ? firsts.peekFirst() : retries.peekFirst();
    }

    int size() {
      return retries.size() + firsts.size();
    }

    void dropIfEmpty(Map<Caps, Queues> waiting, Caps caps) {
      if (size() == 0) {
        waiting.remove(caps, this);
      }
    }
  }

  /** One waiting call: woken when it is handed its permits. */
  private static final class Waiter {
    final Condition turn;
    final Lane lane;
    final long arrival;
    boolean granted; // guarded by the pool's lock

    Waiter(Condition turn, Lane lane, long arrival) {
      this.turn = turn;
      this.lane = lane;
      this.arrival = arrival;
    }

    /** Whether this call goes before {@code other} (null: no one). */
    boolean before(Waiter other) {
      if (other == null) {
        return true;
      }
      if (lane != other.lane) {
        return lane == Lane.RETRY;
      }
      return arrival < other.arrival;
    }
  }
}
