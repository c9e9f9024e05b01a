package dev.velocity.filehistory.launcher;

import dev.velocity.filehistory.platform.testing.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole system as a user runs it (both sides, one port) on a real PostgreSQL, shared by the test classes. Its
 * tests drive one token far harder than any editor (threads saving flat out), so its rate limit is out of reach;
 * {@code RateLimitIT} tests the limit and the defaults in systems of their own.
 */
@SpringBootTest(classes = VelocityApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"velocity.read-wait-timeout=3s", "velocity.admin-token=" + RunningSystem.ADMIN_TOKEN,
                "velocity.rate-limit.requests-per-second=1000000", "velocity.rate-limit.burst=1000000"})
@ContextConfiguration(initializers = FreshDatabase.class)
abstract class RunningSystem {

    static final String ADMIN_TOKEN = "test-admin-token";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @org.junit.jupiter.api.BeforeEach
    void connect() {
        api = new Api(port);
    }

    long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    static String sha256(String content) {
        return dev.velocity.filehistory.platform.Sha256.hex(content);
    }
}
