package b;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BTest {
    @Test
    void runs() {
        assertEquals(2, 1 + 1);
    }
}
