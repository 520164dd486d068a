package io.warroom.incident;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:incident-refusals;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.delivery.paused=true", "warroom.schedule.paused=true",
        "warroom.directory.roster=classpath:rosters/incident-roster.yaml"})
class IncidentRefusalsH2Test extends IncidentRefusalsContract {
}
