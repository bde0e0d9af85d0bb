import datetime
import unittest


class ClockTest(unittest.TestCase):
    def test_now(self):
        self.assertEqual(datetime.datetime.utcnow().tzinfo, None)
