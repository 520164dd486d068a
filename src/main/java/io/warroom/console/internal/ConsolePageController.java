package io.warroom.console.internal;

import io.warroom.timeline.Timeline;
import io.warroom.timeline.Verification;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The console page itself and the timeline viewer's endpoints. */
@Controller
class ConsolePageController {

    private final Timeline timeline;

    ConsolePageController(Timeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping({"/console", "/console/"})
    String page() {
        return "forward:/console/index.html";
    }

    @GetMapping(path = "/console/api/timeline/streams", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<String> streams() {
        return timeline.streams();
    }

    @GetMapping(path = "/console/api/timeline/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Verification verify(@RequestParam String stream) {
        return timeline.verify(stream);
    }

    @GetMapping(path = "/console/api/timeline/export")
    ResponseEntity<String> export(@RequestParam String stream, @RequestParam(defaultValue = "json") String format) {
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(timeline.exportJson(stream));
            case "md", "markdown" -> ResponseEntity.ok().contentType(new MediaType("text", "markdown",
                    java.nio.charset.StandardCharsets.UTF_8)).body(timeline.exportMarkdown(stream));
            default -> ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                    .body("{\"error\":\"format must be json or md\"}");
        };
    }
}
