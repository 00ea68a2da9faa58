package cn.gov.yangxin.oversight.engine.start;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.exception.NullValueException;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a process for a business key unless one was already started for it: the lookup and the start in
 * one call, where the REST API needs two (a Kafka consumer that starts a process for an event must not
 * start a second one when the event comes again). The lookup reads the history, so it also finds an
 * instance that has already ended. Calls for the same business key are serialised here (see startAll),
 * whatever the callers do.
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
  private final JdbcTemplate jdbc;

  public StartOnceController(RuntimeService runtime, HistoryService history,
      ProcessEngineConfigurationImpl configuration, DataSource dataSource) {
    this.runtime = runtime;
    this.history = history;
    this.commands = configuration.getCommandExecutorTxRequired();
    // The engine's data source: inside an engine command this joins the command's transaction.
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @PostMapping("/start-once")
  public Map<String, Object> startOnce(@RequestBody StartOnce body) {
    if (body.processDefinitionKey() == null || body.businessKey() == null) {
      throw new IllegalArgumentException("processDefinitionKey and businessKey are required");
    }
    Map<String, Object> result = startAll(body.processDefinitionKey(),
        List.of(new StartOnceBatch.Item(body.businessKey(), body.variables()))).get(0);
    return Map.of("id", result.get("id"), "started", result.get("started"));
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
    return Map.of("results", startAll(body.processDefinitionKey(), body.items()));
  }

  /**
   * Looks up and starts, in one engine command, under a transaction-scoped lock per business key. The
   * lock makes a second call for a key wait until the first has committed and then find its instance:
   * without it, a call the client had given up on (a timeout while the engine waited for its database)
   * and the client's retry could both find nothing and both start. (The fault harness saw that happen.)
   */
  private List<Map<String, Object>> startAll(String definitionKey, List<StartOnceBatch.Item> items) {
    return commands.execute(context -> {
      lockBusinessKeys(definitionKey, items.stream().map(StartOnceBatch.Item::businessKey).toList());
      // The history query does not see instances of this command before its flush, hence the map.
      Map<String, String> startedHere = new HashMap<>();
      List<Map<String, Object>> out = new ArrayList<>();
      for (StartOnceBatch.Item item : items) {
        String id = startedHere.get(item.businessKey());
        boolean started = false;
        if (id == null) {
          List<HistoricProcessInstance> existing = history.createHistoricProcessInstanceQuery()
              .processDefinitionKey(definitionKey)
              .processInstanceBusinessKey(item.businessKey())
              .listPage(0, 1);
          if (existing.isEmpty()) {
            id = runtime.startProcessInstanceByKey(definitionKey, item.businessKey(), variables(item.variables()))
                .getId();
            started = true;
          } else {
            id = existing.get(0).getId();
          }
          startedHere.put(item.businessKey(), id);
        }
        out.add(Map.of("id", id, "started", started, "businessKey", item.businessKey()));
      }
      return out;
    });
  }

  /** Advisory locks held until the transaction ends, taken in one order (by hash) so batches cannot deadlock. */
  private void lockBusinessKeys(String definitionKey, List<String> businessKeys) {
    String[] keys = businessKeys.stream().distinct().map(bk -> "oversight:start-once:" + definitionKey + ":" + bk)
        .toArray(String[]::new);
    jdbc.query(
        "SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k)::bigint AS h FROM unnest(?::text[]) k ORDER BY 1) s",
        (ResultSet rs) -> null, (Object) keys);
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
