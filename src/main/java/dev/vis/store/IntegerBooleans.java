package dev.vis.store;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.NullArgument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds Java booleans as 1 and 0: vis's schema keeps flags in integer columns (SQLite's way), and
 * PostgreSQL, unlike SQLite, will not store a boolean parameter in one.
 */
final class IntegerBooleans implements ArgumentFactory.Preparable {
  @Override
  public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
    if (type != boolean.class && type != Boolean.class) {
      return Optional.empty();
    }
    return Optional.of(
        value ->
            value == null
                ? new NullArgument(Types.INTEGER)
                : (position, statement, ctx) ->
                    statement.setInt(position, (Boolean) value ? 1 : 0));
  }
}
