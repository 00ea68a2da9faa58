package cn.gov.yangxin.oversight.engine.tasks;

import java.util.ArrayList;
import java.util.List;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.task.TaskDefinition;
import org.operaton.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Records every user-task change in the engine's own transaction (a transactional outbox of the engine),
 * so that the tasklist service can keep a read model of open tasks: the engine's task query joins, de-
 * duplicates and sorts a whole candidate group for every page, which does not stay fast at 100,000 tasks.
 * Registered with every user task of every deployed process as a built-in listener.
 */
@Component
@ConditionalOnProperty(name = "oversight.engine.task-events", havingValue = "true", matchIfMissing = true)
public class TaskEventPlugin extends AbstractProcessEnginePlugin {

  private static final String[] EVENTS = {
    TaskListener.EVENTNAME_CREATE,
    TaskListener.EVENTNAME_ASSIGNMENT,
    TaskListener.EVENTNAME_UPDATE,
    TaskListener.EVENTNAME_COMPLETE,
    TaskListener.EVENTNAME_DELETE,
  };

  private final TaskEventStore store;

  public TaskEventPlugin(TaskEventStore store) {
    this.store = store;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    TaskListener recorder = store::record;
    listeners.add(new BpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        for (String event : EVENTS) {
          definition.addBuiltInTaskListener(event, recorder);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    store.createTableAndBootstrap(engine);
  }
}
