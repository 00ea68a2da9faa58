package cn.gov.yangxin.oversight.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.sql.DataSource;

import org.operaton.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds the task-list indexes of db/query-indexes.sql once the engine has created its schema. Each
 * statement runs on its own (CREATE INDEX CONCURRENTLY cannot run in a transaction). A failure is logged,
 * not fatal: the engine works without them, only slower. Off with ENGINE_QUERY_INDEXES=false (then a DBA
 * applies the file).
 */
@Component
@ConditionalOnProperty(name = "oversight.engine.query-indexes", havingValue = "true", matchIfMissing = true)
public class QueryIndexes implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(QueryIndexes.class);

  private final JdbcTemplate jdbc;

  // The engine is injected so that its schema exists before this runs.
  public QueryIndexes(DataSource dataSource, ProcessEngine engine) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    String script = new ClassPathResource("db/query-indexes.sql").getContentAsString(StandardCharsets.UTF_8);
    String withoutComments = script.replaceAll("(?m)^--.*$", "");
    Arrays.stream(withoutComments.split(";"))
        .map(String::trim)
        .filter(statement -> !statement.isEmpty())
        .forEach(this::apply);
  }

  private void apply(String statement) {
    try {
      jdbc.execute(statement);
    } catch (RuntimeException e) {
      LOG.warn("query index not applied ({}): {}", e.getMessage(), statement);
    }
  }
}
