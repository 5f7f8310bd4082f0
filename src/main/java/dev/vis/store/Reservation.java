package dev.vis.store;

/**
 * The answer to a request for budget before a call.
 *
 * @param granted whether the call's estimate is now reserved
 * @param othersInFlightUsd when refused, what other live workers hold for their calls in flight:
 *     while it is above zero, their settling may leave room
 */
public record Reservation(boolean granted, double othersInFlightUsd) {}
