package dev.slipway.builds;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The stored output of builds, line by line; lines arrive already masked. */
@Component
class BuildLog {

    static final int MAX_LINE = 4000;

    private final JdbcTemplate jdbc;

    BuildLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends lines numbered from {@code firstLineNo}. */
    void append(long buildId, int firstLineNo, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into build_log_lines (build_id, line_no, line) values (?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        String line = lines.get(i);
                        statement.setLong(1, buildId);
                        statement.setInt(2, firstLineNo + i);
                        statement.setString(3, line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " [cut]" : line);
                    }

                    @Override
                    public int getBatchSize() {
                        return lines.size();
                    }
                });
    }

    /** Lines from number {@code from} (0-based) on, in order. */
    List<String> read(long buildId, int from) {
        return jdbc.queryForList("select line from build_log_lines where build_id = ? and line_no >= ? order by line_no",
                String.class, buildId, from);
    }
}
