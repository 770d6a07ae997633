package org.fedoraproject.preflight.cli;

import picocli.CommandLine;

/** Builds subcommands with their services passed in, so that they keep final fields and no globals. */
final class CommandFactory implements CommandLine.IFactory {

    private final Services services;

    CommandFactory(Services services) {
        this.services = services;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == HistoryCommand.class) {
            return type.cast(new HistoryCommand(services));
        }
        if (type == GuideCommand.class) {
            return type.cast(new GuideCommand(services));
        }
        if (type == CheckCommand.class) {
            return type.cast(new CheckCommand(services));
        }
        if (type == DnfHookCommand.class) {
            return type.cast(new DnfHookCommand(services));
        }
        if (type == HealthCommand.class) {
            return type.cast(new HealthCommand(services));
        }
        if (type == DeskCommand.New.class) {
            return type.cast(new DeskCommand.New(services));
        }
        if (type == DeskCommand.Update.class) {
            return type.cast(new DeskCommand.Update(services));
        }
        if (type == DeskCommand.ReviewCommand.class) {
            return type.cast(new DeskCommand.ReviewCommand(services));
        }
        if (type == DeskCommand.TriageCommand.class) {
            return type.cast(new DeskCommand.TriageCommand(services));
        }
        if (type == DeskCommand.Publish.class) {
            return type.cast(new DeskCommand.Publish(services));
        }
        if (type == FeedCommand.Verify.class) {
            return type.cast(new FeedCommand.Verify(services));
        }
        return CommandLine.defaultFactory().create(type);
    }
}
