package dev.slipway.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates commands with the run's {@link Context} when they take one, everything else as picocli does. */
final class CommandFactory implements CommandLine.IFactory {

    private final Context context;

    CommandFactory(Context context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(Context.class);
            constructor.setAccessible(true);
            return constructor.newInstance(context);
        } catch (NoSuchMethodException noContext) {
            return CommandLine.defaultFactory().create(type);
        }
    }
}
