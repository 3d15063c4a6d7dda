package dev.golive.model;

import java.util.List;

/** Network facts beyond sysctls: TCP ports in LISTEN state (from /proc/net/tcp and tcp6). */
public record NetworkFacts(Fact<List<Integer>> listeningTcpPorts) { }
