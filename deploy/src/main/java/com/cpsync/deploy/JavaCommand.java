package com.cpsync.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs, run with the same {@code java} as the launcher. */
record JavaCommand(String javaExecutable, String classpath) {

    static JavaCommand ofThisJvm() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return new JavaCommand(java, System.getProperty("java.class.path"));
    }

    /** {@code java <jvm> -cp <launcher classpath> <mainClass> <args>}: the launcher's classpath holds Kafka. */
    List<String> classpathCommand(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** {@code java <jvm> -jar <jar> <args>}. */
    List<String> jarCommand(List<String> jvmOptions, Path jar, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }
}
