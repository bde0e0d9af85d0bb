package com.acme.billing;

import static org.junit.Assert.*;

import org.junit.Test;

public class DiscountTest {
    @Test
    public void discountNeverNegative() {
        assertFalse("negative discount", new Discount(5).amount() < 0);
        assertNotNull(new Discount(0));
    }
}
