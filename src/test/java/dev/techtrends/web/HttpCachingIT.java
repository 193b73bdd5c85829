package dev.techtrends.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class HttpCachingIT extends HttpCachingTest {
}
