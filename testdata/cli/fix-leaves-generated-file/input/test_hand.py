def test_sum(self):
    self.assertEquals(sum([1, 2]), 3)
