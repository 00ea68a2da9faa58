package cn.gov.yangxin.oversight.engine.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The table of user-task events (ovs_task_event) and its writes. The JdbcTemplate uses the engine's data
 * source, so inside an engine command it joins the command's Spring-managed transaction: an event exists
 * exactly when the change it describes was committed.
 */
@Component
public class TaskEventStore {

  private static final Logger LOG = LoggerFactory.getLogger(TaskEventStore.class);
  private static final int BOOTSTRAP_PAGE = 500;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  public TaskEventStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  void record(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) groups.add(link.getGroupId());
    }
    String definitionKey = execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null
        ? entity.getProcessDefinition().getKey()
        : null;
    Map<String, Object> view = view(task.getId(), task.getName(), task.getTaskDefinitionKey(),
        task.getProcessDefinitionId(), definitionKey, task.getProcessInstanceId(),
        execution == null ? null : execution.getProcessBusinessKey(), task.getAssignee(), groups,
        task.getCreateTime(), task.getDueDate(), task.getFollowUpDate(), task.getPriority());
    insert(task.getId(), task.getEventName(), view);
  }

  /** Rows, oldest first. */
  public List<Map<String, Object>> read(int limit) {
    return jdbc.queryForList(
        "SELECT seq, task_id AS \"taskId\", event, task::text AS task FROM ovs_task_event ORDER BY seq LIMIT ?", limit);
  }

  /** Deletes exactly the given rows (not "up to": a row with a lower seq may commit later). */
  public int acknowledge(List<Long> seqs) {
    if (seqs.isEmpty()) return 0;
    return jdbc.update("DELETE FROM ovs_task_event WHERE seq = ANY (?)",
        (Object) seqs.toArray(new Long[0]));
  }

  /**
   * Creates the table; when it is new, records a `create` event for every task already open (an engine
   * that ran before this version), so a reader starting from nothing sees them all.
   */
  void createTableAndBootstrap(ProcessEngine engine) {
    Boolean exists = jdbc.queryForObject("SELECT to_regclass('ovs_task_event') IS NOT NULL", Boolean.class);
    jdbc.execute("CREATE TABLE IF NOT EXISTS ovs_task_event ("
        + " seq bigserial PRIMARY KEY, task_id varchar(64) NOT NULL, event varchar(16) NOT NULL,"
        + " at timestamptz NOT NULL DEFAULT now(), task jsonb NOT NULL)");
    if (Boolean.TRUE.equals(exists)) return;
    int count = 0;
    for (int first = 0; ; first += BOOTSTRAP_PAGE) {
      List<Task> page = engine.getTaskService().createTaskQuery().orderByTaskId().asc().listPage(first, BOOTSTRAP_PAGE);
      for (Task task : page) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) groups.add(link.getGroupId());
        }
        ProcessInstance instance = task.getProcessInstanceId() == null ? null
            : engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        String businessKey = instance == null ? null : instance.getBusinessKey();
        String definitionKey = task.getProcessDefinitionId() == null ? null
            : engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
        insert(task.getId(), "create", view(task.getId(), task.getName(), task.getTaskDefinitionKey(),
            task.getProcessDefinitionId(), definitionKey, task.getProcessInstanceId(), businessKey, task.getAssignee(), groups,
            task.getCreateTime(), task.getDueDate(), task.getFollowUpDate(), task.getPriority()));
      }
      count += page.size();
      if (page.size() < BOOTSTRAP_PAGE) break;
    }
    LOG.info("task events: table created, {} open task(s) recorded", count);
  }

  private static Map<String, Object> view(String id, String name, String taskDefinitionKey, String processDefinitionId,
      String processDefinitionKey, String processInstanceId, String businessKey, String assignee, List<String> candidateGroups, Date created,
      Date due, Date followUp, int priority) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", id);
    view.put("name", name);
    view.put("taskDefinitionKey", taskDefinitionKey);
    view.put("processDefinitionId", processDefinitionId);
    view.put("processDefinitionKey", processDefinitionKey);
    view.put("processInstanceId", processInstanceId);
    view.put("businessKey", businessKey);
    view.put("assignee", assignee);
    view.put("candidateGroups", candidateGroups);
    view.put("created", instant(created));
    view.put("due", instant(due));
    view.put("followUp", instant(followUp));
    view.put("priority", priority);
    return view;
  }

  private static String instant(Date date) {
    return date == null ? null : Instant.ofEpochMilli(date.getTime()).toString();
  }

  private void insert(String taskId, String event, Map<String, Object> view) {
    try {
      jdbc.update("INSERT INTO ovs_task_event (task_id, event, task) VALUES (?, ?, ?::jsonb)", taskId, event,
          json.writeValueAsString(view));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("task event not serialisable", e);
    }
  }
}
