package cn.gov.yangxin.oversight.engine;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.JobExecutor;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only control over the engine clock (Operaton's ClockUtil). Registered only when
 * {@code oversight.engine.clock-control=true} (env ENGINE_CLOCK_CONTROL=true).
 */
@RestController
@RequestMapping("/engine-clock")
@ConditionalOnProperty(name = "oversight.engine.clock-control", havingValue = "true")
public class EngineClockController {

  private final ProcessEngine processEngine;
  private long offsetMillis;

  public EngineClockController(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  @GetMapping
  public synchronized Map<String, Object> now() {
    return body(ClockUtil.getCurrentTime());
  }

  @PostMapping("/advance")
  public synchronized ResponseEntity<Map<String, Object>> advance(@RequestBody(required = false) Map<String, Object> request) {
    Object millis = request == null ? null : request.get("millis");
    if (!(millis instanceof Number number) || number.longValue() < 0) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", "InvalidRequest");
      error.put("message", "body must be {\"millis\": <non-negative number>}");
      return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(error);
    }
    offsetMillis = Math.addExact(offsetMillis, number.longValue());
    Date now = ClockUtil.offset(offsetMillis);
    wakeJobExecutor();
    return ResponseEntity.ok(body(now));
  }

  @PostMapping("/reset")
  public synchronized Map<String, Object> reset() {
    offsetMillis = 0;
    Date now = ClockUtil.resetClock();
    wakeJobExecutor();
    return body(now);
  }

  /** Timer jobs that just became due should not wait for the acquisition back-off. */
  private void wakeJobExecutor() {
    if (processEngine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl cfg) {
      JobExecutor jobExecutor = cfg.getJobExecutor();
      if (jobExecutor != null && jobExecutor.isActive()) {
        jobExecutor.jobWasAdded();
      }
    }
  }

  private Map<String, Object> body(Date now) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("now", Instant.ofEpochMilli(now.getTime()).toString());
    result.put("offsetMillis", offsetMillis);
    return result;
  }
}
