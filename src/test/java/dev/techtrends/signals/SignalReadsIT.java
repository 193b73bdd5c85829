package dev.techtrends.signals;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SignalReadsIT extends SignalReadsTest {
}
