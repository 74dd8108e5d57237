package a;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ATest {
    @Test
    void runs() {
        assertEquals(2, 1 + 1);
    }
}
