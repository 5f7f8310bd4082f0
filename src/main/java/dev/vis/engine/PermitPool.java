package dev.vis.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counting semaphore with a priority lane: a call back from a retry delay gets the next free
 * permit before every call still waiting for its first attempt, so a retry waits out its delay and
 * not the whole queue of fresh calls too (each lane first come, first served). Thread-safe; a
 * waiting virtual thread does not pin its carrier.
 */
final class PermitPool {

  /** The queue a call waits in when no permit is free. */
  enum Lane {
    /** A call that has made no attempt yet. */
    FIRST,
    /** A call that gave its permit back to wait out a retry delay: served first. */
    RETRY
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Waiter> retries = new ArrayDeque<>(); // guarded by lock
  private final Deque<Waiter> firsts = new ArrayDeque<>(); // guarded by lock
  private int free; // guarded by lock; never above 0 while a call waits: a release hands over

  PermitPool(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("permits must be at least 1: " + permits);
    }
    this.free = permits;
  }

  /**
   * Takes a permit, waiting in {@code lane} while none is free.
   *
   * @throws InterruptedException when interrupted before or while waiting: no permit is then held
   */
  void acquire(Lane lane) throws InterruptedException {
    lock.lockInterruptibly();
    try {
      if (free > 0) {
        free--;
        return;
      }
      Waiter me = new Waiter(lock.newCondition());
      Deque<Waiter> queue = lane == Lane.RETRY ? retries : firsts;
      queue.addLast(me);
      try {
        while (!me.granted) {
          me.turn.await();
        }
      } catch (InterruptedException e) {
        // a permit handed over just as the interrupt came goes on to the next in line
        if (me.granted) {
          handOver();
        } else {
          queue.remove(me);
        }
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Gives a permit back: to the first retry waiting, else the first fresh call, else the pool. */
  void release() {
    lock.lock();
    try {
      handOver();
    } finally {
      lock.unlock();
    }
  }

  /** Calls waiting for a permit, in both lanes. */
  int waiting() {
    lock.lock();
    try {
      return retries.size() + firsts.size();
    } finally {
      lock.unlock();
    }
  }

  private void handOver() {
    Waiter next = retries.isEmpty() ? firsts.pollFirst() : retries.pollFirst();
    if (next == null) {
      free++;
      return;
    }
    next.granted = true;
    next.turn.signal();
  }

  /** One waiting call: woken when it is handed a permit. */
  private static final class Waiter {
    final Condition turn;
    boolean granted; // guarded by the pool's lock

    Waiter(Condition turn) {
      this.turn = turn;
    }
  }
}
