package dev.detour.bot;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NettyDefaultsTest {
    @Test
    void nettysFlightRecorderEventsAreOffUnlessTheOperatorAskedForThem() {
        Properties none = new Properties();
        NettyDefaults.apply(none);
        assertEquals("false", none.getProperty("io.netty.jfr.enabled"));
    }

    @Test
    void anOperatorsOwnChoiceIsKept() {
        Properties profiling = new Properties();
        profiling.setProperty("io.netty.jfr.enabled", "true");
        NettyDefaults.apply(profiling);
        assertEquals("true", profiling.getProperty("io.netty.jfr.enabled"));
    }
}
