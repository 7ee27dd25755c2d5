"""One Redis Pub/Sub subscription per API process, fanned out to the process's live streams.

Redis Pub/Sub is at-most-once; `job_events` is the record. The hub turns the first into a
complete, ordered feed for the streams of this process:

* It delivers events in strictly increasing `seq` and remembers the last one (`last_seq`).
* A message whose `seq` is not `last_seq + 1` reveals a gap: publishes from several processes can
  reach Redis out of order, a publish can fail, a rolled-back transaction burns a `seq`. Because
  events are appended under a transaction-level advisory lock, `seq` order is commit order, so once
  event N is visible every committed event below N is visible too: the hub reads the gap from the
  table, delivers what it finds in order, then N. The late original is dropped as a duplicate.
* After a (re)connect it subscribes, waits for Redis to confirm, then backfills from the table
  (`seq > last_seq`); while Redis is unreachable, and every few seconds when the channel is quiet,
  it polls the table the same way, so a lost publish at the tail is late, never lost.

Streams register a `Subscriber` (a bounded queue, filtered by workspace and job ids). A subscriber
that falls `queue_max` events behind is marked overflowed and dropped from the hub: its stream
closes it with a "resume from seq" hint; one slow client never stalls the others or grows memory.

Access changes ride the same subscription (a second channel): when a user's token is revoked, a
session signed out, the user deactivated or their role changed, every API process holds that user's
streams (no further event is handed to them) and has each re-check its credential in the database
at once; the stream then ends (WS close 4401, SSE ends) or goes on. Messages on that channel come in
the order Redis received them, so an event recorded after the revocation was answered arrives after
the hold. After a reconnect every stream re-checks (a revocation may have been missed meanwhile).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from collections import deque
from collections.abc import AsyncIterator, Callable
from typing import Any

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from starlette.concurrency import run_in_threadpool

from docflow.config import get_settings
from docflow.db import unavailable
from docflow.events.channels import access_channel, events_channel
from docflow.events.envelope import StreamEvent, from_message
from docflow.events.service import load_events, load_max_seq

log = logging.getLogger(__name__)

_BACKFILL_PAGE = 500


class Subscriber:
    """A stream's view of the live feed: the events of one workspace (optionally only some jobs),
    in a bounded queue. Only touched from the event loop."""

    __slots__ = (
        "workspace_id",
        "job_ids",
        "maxlen",
        "queue",
        "overflowed",
        "dropped",
        "user_id",
        "held",
        "access_changed",
        "_wake",
    )

    def __init__(
        self,
        workspace_id: str,
        maxlen: int,
        job_ids: frozenset[str] | None = None,
        *,
        user_id: str | None = None,
    ):
        self.workspace_id = workspace_id
        self.job_ids = job_ids
        self.maxlen = maxlen
        self.queue: deque[StreamEvent] = deque()
        self.overflowed = False
        self.dropped = asyncio.Event()  # set on overflow: the stream must close (resume by seq)
        self.user_id = user_id  # whose credential the stream runs on (for access changes)
        # While held (an access change is being checked), `take()` hands out nothing.
        self.held = False
        self.access_changed = asyncio.Event()  # set: re-check the stream's credential now
        self._wake = asyncio.Event()

    def matches(self, event: StreamEvent) -> bool:
        return event.workspace_id == self.workspace_id and (
            self.job_ids is None or event.job_id in self.job_ids
        )

    def offer(self, event: StreamEvent) -> bool:
        """Queue a matching event; False when the queue was full (the subscriber is now overflowed
        and its queue dropped, so it holds no memory)."""
        if self.overflowed:
            return False
        if not self.matches(event):
            return True
        if len(self.queue) >= self.maxlen:
            self.overflowed = True
            self.queue.clear()
            self.dropped.set()
            self._wake.set()
            return False
        self.queue.append(event)
        self._wake.set()
        return True

    def take(self) -> list[StreamEvent]:
        if self.held:
            return []
        items = list(self.queue)
        self.queue.clear()
        return items

    def recheck(self, *, hold: bool) -> None:
        """Ask the stream to re-check its credential now; with `hold`, deliver nothing until it
        has (`release()`)."""
        self.held = self.held or hold
        self.access_changed.set()
        self._wake.set()

    def release(self) -> None:
        """The credential is still good: deliver what was held."""
        if self.held:
            self.held = False
            self._wake.set()

    def notify(self) -> None:
        """Wake the stream's sender (it has something other than events to do)."""
        self._wake.set()

    async def wait(self, timeout: float) -> None:
        """Until an event is queued (and not held), `notify()`, `recheck()`, `release()` or an
        overflow; at most `timeout` seconds. (A caller that acts on `access_changed` checks it
        before waiting.)"""
        if (self.queue and not self.held) or self.overflowed:
            return
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wake.wait()


# Reads from the table, run in a worker thread: (after_seq, before_seq or None, limit) → events of
# every workspace in seq order; and the current highest seq.
LoadEvents = Callable[[int, int | None, int], list[StreamEvent]]
LoadMaxSeq = Callable[[], int]


class EventHub:
    def __init__(
        self,
        *,
        redis_url: str,
        channel: str,
        load_events: LoadEvents,
        load_max_seq: LoadMaxSeq,
        poll_interval: float = 2.0,
        max_backoff: float = 5.0,
        access_channel: str | None = None,
    ) -> None:
        self.redis_url = redis_url
        self.channel = channel
        self.access_channel = access_channel
        self._load_events = load_events
        self._load_max_seq = load_max_seq
        self.poll_interval = poll_interval
        self.max_backoff = max_backoff
        self.last_seq: int | None = None  # highest seq delivered; None until the first read
        self.connected = False
        self.connects = 0
        self._subscribers: dict[str, set[Subscriber]] = {}
        self._watched: dict[str, set[Subscriber]] = {}  # by user id: streams to hold on a change
        self._pubsub: aioredis.client.PubSub | None = None  # while subscribed
        self._pending: deque[dict[str, Any]] = deque()  # event messages read ahead of their turn
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        self._stopping = False

    # streams -----------------------------------------------------------------------------------
    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.setdefault(subscriber.workspace_id, set()).add(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        subscribers = self._subscribers.get(subscriber.workspace_id)
        if subscribers is not None:
            subscribers.discard(subscriber)
            if not subscribers:
                del self._subscribers[subscriber.workspace_id]

    def watch(self, subscriber: Subscriber) -> None:
        """Hold the stream and have it re-check its credential whenever its user's access
        changes (in any API process). Registered for the stream's whole life."""
        if subscriber.user_id is not None:
            self._watched.setdefault(subscriber.user_id, set()).add(subscriber)

    def unwatch(self, subscriber: Subscriber) -> None:
        if subscriber.user_id is None:
            return
        watched = self._watched.get(subscriber.user_id)
        if watched is not None:
            watched.discard(subscriber)
            if not watched:
                del self._watched[subscriber.user_id]

    def access_changed(self, user_id: str) -> None:
        """A user's credentials or role changed: hold their streams until each has re-checked."""
        for subscriber in list(self._watched.get(user_id, ())):
            subscriber.recheck(hold=True)

    def _recheck_all(self) -> None:
        for watched in list(self._watched.values()):
            for subscriber in list(watched):
                subscriber.recheck(hold=False)

    @property
    def subscriber_count(self) -> int:
        return sum(len(s) for s in self._subscribers.values())

    # lifecycle ---------------------------------------------------------------------------------
    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="event-hub")

    async def stop(self) -> None:
        """Stop the subscription task. redis-py's asyncio reader can swallow a cancellation that
        lands inside a read, so the loops also watch `_stopping`, and the cancel is repeated
        until the task is done (bounded: shutdown never hangs on the hub)."""
        self._stopping = True
        task, self._task = self._task, None
        if task is not None:
            for _ in range(20):
                task.cancel()
                done, _pending = await asyncio.wait({task}, timeout=0.25)
                if done:
                    break
            else:
                log.warning("event hub task did not stop; abandoning it")
            if task.done() and not task.cancelled() and task.exception() is not None:
                log.warning("event hub task ended with %r", task.exception())
        self.connected = False

    async def wait_ready(self, timeout: float) -> bool:
        """True once the hub knows where the table ends. A stream must not join before: an event
        committed between its replay and the hub's first read would be skipped by both."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ready.wait(), timeout)
        return self._ready.is_set()

    # delivery ----------------------------------------------------------------------------------
    def _dispatch(self, event: StreamEvent) -> None:
        self.last_seq = event.seq
        subscribers = self._subscribers.get(event.workspace_id)
        if not subscribers:
            return
        for subscriber in list(subscribers):
            if not subscriber.offer(event):
                subscribers.discard(subscriber)
                log.info("event stream overflowed at seq %s: closing it", event.seq)
        if not subscribers:
            self._subscribers.pop(event.workspace_id, None)

    async def _ingest(self, event: StreamEvent) -> None:
        """Deliver a live event in order, first filling any gap below it from the table."""
        if self.last_seq is None or event.seq <= self.last_seq:
            return  # not initialised yet (the first backfill covers it) or a duplicate
        if not self._subscribers:
            # Nobody to deliver to: a gap below this event holds only events committed before
            # any stream joined, which a joining stream reads from the table (or, live-only, does
            # not want). Skip the table read; the order is kept from here on.
            self.last_seq = event.seq
            return
        if event.seq > self.last_seq + 1:
            await self._backfill(before=event.seq)
        if event.seq > (self.last_seq or 0):
            self._dispatch(event)

    async def _backfill(self, before: int | None = None) -> None:
        """Deliver every committed event above last_seq (and below `before`) from the table."""
        if self.last_seq is None:
            return
        while True:
            after = self.last_seq
            events = await run_in_threadpool(self._load_events, after, before, _BACKFILL_PAGE)
            await self._apply_received_access_changes()
            for event in events:
                if event.seq > (self.last_seq or 0):
                    self._dispatch(event)
            if len(events) < _BACKFILL_PAGE:
                return

    async def _safe_backfill(self) -> None:
        try:
            await self._backfill()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the database is down too: try again on the next round
            log.warning("event backfill from job_events failed: %s", exc)

    # the subscription --------------------------------------------------------------------------
    async def _initialise(self) -> None:
        """Start from the table's current end; from then on every later event is delivered."""
        backoff = 0.1
        while self.last_seq is None and not self._stopping:
            try:
                self.last_seq = await run_in_threadpool(self._load_max_seq)
            except Exception as exc:
                log.warning("event hub cannot read job_events yet (%s); retrying", exc)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, self.max_backoff)
        self._ready.set()

    async def _run(self) -> None:
        await self._initialise()
        backoff = 0.1
        while not self._stopping:
            client = aioredis.Redis.from_url(
                self.redis_url,
                socket_connect_timeout=2,
                socket_keepalive=True,
                health_check_interval=10,
                retry=Retry(NoBackoff(), 0),  # surface every disconnect: we must backfill after it
            )
            pubsub = client.pubsub()
            try:
                channels = [self.channel, *([self.access_channel] if self.access_channel else [])]
                await pubsub.subscribe(*channels)
                await self._confirm_subscribed(pubsub, len(channels))
                self._pubsub = pubsub
                # Subscribed first, then read the table: nothing can fall between the two.
                await self._backfill()
                self.connected = True
                self.connects += 1
                backoff = 0.1
                if self.connects > 1:
                    log.info("event hub re-subscribed at seq %s", self.last_seq)
                # Streams may have joined, or an access change been published, while this
                # process was not subscribed: every stream re-checks its credential now.
                self._recheck_all()
                await self._read(pubsub)
            except asyncio.CancelledError:
                raise
            except (RedisError, OSError) as exc:
                log.warning("event hub lost Redis (%s); reconnecting in %.1fs", exc, backoff)
            except Exception as exc:
                if unavailable(exc) is None:
                    log.exception("event hub failed; reconnecting in %.1fs", backoff)
                else:  # the pool stayed busy or PostgreSQL is away: an operating condition
                    reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
                    log.warning(
                        "event hub cannot read the database (%s); reconnecting in %.1fs",
                        reason,
                        backoff,
                    )
            finally:
                self.connected = False
                self._pubsub = None
                self._pending.clear()  # the backfill below reads whatever they carried
                with contextlib.suppress(Exception):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]
                with contextlib.suppress(Exception):
                    await client.aclose()
            # While Redis is away, keep streams fed from the table.
            await self._safe_backfill()
            await asyncio.sleep(backoff * (0.5 + random.random()))
            backoff = min(backoff * 2, self.max_backoff)

    async def _confirm_subscribed(self, pubsub: aioredis.client.PubSub, count: int = 1) -> None:
        deadline = asyncio.get_running_loop().time() + 5
        confirmed = 0
        while True:
            message = await pubsub.get_message(timeout=1.0)
            if message is not None and message["type"] == "subscribe":
                confirmed += 1
                if confirmed >= count:
                    return
            if asyncio.get_running_loop().time() > deadline:
                raise RedisError("no subscribe confirmation from Redis")

    # access changes ------------------------------------------------------------------------------
    def _is_access(self, message: dict[str, Any]) -> bool:
        channel = message.get("channel")
        if isinstance(channel, bytes):
            channel = channel.decode()
        return self.access_channel is not None and channel == self.access_channel

    def _on_access_message(self, data: bytes | str) -> None:
        try:
            user_id = str(json.loads(data)["user_id"])
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring a malformed access message: %s", exc)
            return
        self.access_changed(user_id)

    async def _apply_received_access_changes(self) -> None:
        """Apply the access changes Redis has already sent us before handing out events read from
        the table: an event recorded after a revocation was answered must not slip past it. Event
        messages read on the way are kept, in order, for the read loop."""
        pubsub = self._pubsub
        if pubsub is None or self.access_channel is None:
            return
        while True:
            try:
                message = await pubsub.get_message(timeout=0.0)
            except (RedisError, OSError):
                return  # the read loop meets the same error and reconnects
            if message is None:
                return
            if message["type"] != "message":
                continue
            if self._is_access(message):
                self._on_access_message(message["data"])
            else:
                self._pending.append(message)

    async def _read(self, pubsub: aioredis.client.PubSub) -> None:
        loop = asyncio.get_running_loop()
        last_poll = loop.time()
        while not self._stopping:
            if self._pending:
                message = self._pending.popleft()
            else:
                message = await pubsub.get_message(timeout=self.poll_interval)
            if message is not None and message["type"] == "message" and self._is_access(message):
                self._on_access_message(message["data"])
            elif message is not None and message["type"] == "message":
                try:
                    event = from_message(message["data"])
                except (ValueError, KeyError, TypeError) as exc:
                    log.warning("ignoring a malformed event message: %s", exc)
                else:
                    await self._ingest(event)
            if loop.time() - last_poll >= self.poll_interval:
                # A publish lost at the tail (its publisher's Redis call failed) has no later
                # event to reveal it: look at the table now and then.
                last_poll = loop.time()
                await self._safe_backfill()


@contextlib.asynccontextmanager
async def running_hub(app: Any) -> AsyncIterator[EventHub]:
    """App lifespan: one hub per process on `app.state.event_hub`, started and stopped with it."""
    settings = get_settings()
    hub = EventHub(
        redis_url=settings.redis_url,
        channel=events_channel(),
        access_channel=access_channel(),
        load_events=load_events,
        load_max_seq=load_max_seq,
        poll_interval=settings.event_hub_poll_seconds,
    )
    hub.start()
    app.state.event_hub = hub
    try:
        yield hub
    finally:
        await hub.stop()
