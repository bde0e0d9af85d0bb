import datetime
import unittest


class ClockTest(unittest.TestCase):
    def test_now(self):
        self.assertEquals(datetime.datetime.utcnow().tzinfo, None)
