package com.acme.billing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;

public class InvoiceTest {
    private Invoice invoice;

    @BeforeEach
    public void setUp() {
        invoice = new Invoice(100);
    }

    @Test
    public void totalIncludesTax() {
        Assertions.assertEquals(120, invoice.totalWithTax(), "total with tax");
        Assertions.assertTrue(invoice.total() > 0, "positive");
    }

    @Disabled("flaky on CI")
    @Test
    public void roundsHalfUp() {
        Assertions.assertEquals(1.5, invoice.round(1.45), 0.01);
    }
}
