package io.warroom.incident;

import io.warroom.support.EmbeddedPostgresInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(properties = {"warroom.delivery.paused=true", "warroom.schedule.paused=true",
        "warroom.directory.roster=classpath:rosters/incident-roster.yaml"})
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class IncidentRefusalsPostgresTest extends IncidentRefusalsContract {
}
