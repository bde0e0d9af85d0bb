import unittest

from analytics import stats


class StatsTest(unittest.TestCase):
    def test_mean(self):
        self.assertEqual(stats.mean_amount([1, 3]), 2.0)
        self.assertNotEqual(
            stats.mean_amount([1]),
            3.0,
        )

    def test_growth(self):
        self.assertAlmostEqual(stats.growth_factor([0.1, 0.1]), 1.21)
