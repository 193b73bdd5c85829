package dev.techtrends.catalogue;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class TechnologyResourceIT extends TechnologyResourceTest {
}
