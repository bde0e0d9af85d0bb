"""The nightly dunning run: finds overdue invoices and sends reminders."""
import asyncio
import datetime
import logging
import ssl
import threading

log = logging.getLogger(__name__)


class DunningWorker(threading.Thread):
    def __init__(self, store, interval=3600):
        threading.Thread.__init__(self, name="dunning")
        self.setDaemon(True)
        self.store = store
        self.interval = interval
        self.stopped = threading.Event()
        self.idle = threading.Condition()

    def run(self):
        log.info("dunning worker %s started", threading.currentThread().name)
        while not self.stopped.isSet():
            self.remind_overdue()
            with self.idle:
                self.idle.notifyAll()
            self.stopped.wait(self.interval)

    def stop(self):
        self.stopped.set()

    def remind_overdue(self):
        started = datetime.datetime.utcnow()
        for invoice in self.store.overdue():
            send_reminder(invoice)
        log.warn("dunning run took %s", datetime.datetime.utcnow() - started)


def send_reminder(invoice, host="smtp.example.com", port=465):
    import socket

    raw = socket.create_connection((host, port))
    conn = ssl.wrap_socket(raw)
    conn.sendall(("REMIND %s\r\n" % invoice.number).encode())
    conn.close()


async def fetch_exchange_rates(client, retries=3):
    loop = asyncio.get_event_loop()
    for attempt in range(retries):
        try:
            return await loop.run_in_executor(None, client.fetch_rates)
        except ConnectionError:
            await asyncio.sleep(2 ** attempt)
    raise RuntimeError("exchange rates unavailable")


def main(client):
    loop = asyncio.get_event_loop()
    return loop.run_until_complete(fetch_exchange_rates(client))
