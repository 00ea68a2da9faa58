package cn.gov.yangxin.oversight.engine.tasks;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The user-task events for the tasklist's read model: read oldest first, then acknowledge what was applied
 * (at-least-once: a reader that fails before acknowledging reads the same events again).
 */
@RestController
@RequestMapping("/oversight/task-events")
@ConditionalOnProperty(name = "oversight.engine.task-events", havingValue = "true", matchIfMissing = true)
public class TaskEventController {

  private final TaskEventStore store;

  public TaskEventController(TaskEventStore store) {
    this.store = store;
  }

  @GetMapping
  public List<Map<String, Object>> read(@RequestParam(defaultValue = "500") int limit) {
    return store.read(Math.max(1, Math.min(limit, 5000)));
  }

  @PostMapping("/ack")
  public Map<String, Object> acknowledge(@RequestBody Map<String, List<Long>> body) {
    return Map.of("deleted", store.acknowledge(body.getOrDefault("seqs", List.of())));
  }
}
