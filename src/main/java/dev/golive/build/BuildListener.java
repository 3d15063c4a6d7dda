package dev.golive.build;

/** Progress of a multi-target build, reported from the building thread. */
public interface BuildListener {
    BuildListener NONE = new BuildListener() { };

    default void started(BuildTarget target) { }

    default void finished(BuildResult result) { }
}
