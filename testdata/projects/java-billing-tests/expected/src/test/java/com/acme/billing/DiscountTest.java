package com.acme.billing;

import static org.junit.Assert.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

public class DiscountTest {
    @Test
    public void discountNeverNegative() {
        Assertions.assertFalse(new Discount(5).amount() < 0, "negative discount");
        Assertions.assertNotNull(new Discount(0));
    }
}
