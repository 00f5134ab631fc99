@pods
Feature: What the simulator assumes, and says it assumed
  The simulator knows what well-known images and the commands it can interpret do. For anything
  else (an image it has no facts about, a program it cannot run) it takes the usual answer, a
  server that runs until stopped, and writes the assumption down: the report lists it, the run
  ends with a count, and `kubespec run --strict` fails a scenario that rests on one (README
  "Assumptions"). These scenarios are about the simulator itself.

  Background:
    Given a cluster with 1 worker node

  @sim-only
  Scenario: an image the simulator has no facts about runs, and the guess is written down
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        containers:
        - {name: app, image: example.com/team/app:1.0}
      """
    Then pod "app" is Running within 1 minute
    And the simulator assumed "spec.containers[app].image" of pod "app"

  @sim-only
  Scenario: an init container the simulator cannot run is assumed to do its work and exit, and the guess is written down
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: worker}
      spec:
        initContainers:
        - {name: migrate, image: python:3.12, command: [python, migrate.py]}
        containers:
        - {name: app, image: busybox:1.36, command: [sh, -c, 'sleep 3600']}
      """
    Then pod "worker" is Running within 1 minute
    And the simulator assumed "spec.initContainers[migrate].command" of pod "worker"

  @sim-only
  Scenario: a command the simulator can interpret needs no assumption
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: sleeper}
      spec:
        containers:
        - {name: app, image: busybox:1.36, command: [sh, -c, 'sleep 5; exit 3']}
      """
    Then pod "sleeper" is Running within 1 minute
    And the simulator assumed nothing about pod "sleeper"
