/**
 * The operator's side of pushes to customers' URLs: the stored ones listed, counted, inspected and replayed, a
 * message's push summary, and the check of a URL before it is stored ({@link org.switchboard.pushes.PushTargets}).
 * The pushes themselves are the engine's ({@code engine.Pusher}): tried with back-off, stored once an attempt fails.
 */
package org.switchboard.pushes;
