@scheduling @slow @sim-only
Feature: Scheduling at scale
  The default scheduler places a large mixed workload correctly: every pod finds a node, no node
  holds more than it can allocate, and hard spread constraints hold across zones.

  Scenario: 1,500 pods of 30 Deployments on 300 nodes in three zones
    Given a cluster with topology "zones-300"
    When manifest "scale-shop-deployments.yaml" is applied
    Then every pod is scheduled within 5 minutes
    And there are 1500 Running pods labelled "tier=shop" within 5 minutes
    And no node is overcommitted
    And the pods labelled "app=shop-01" are spread over "topology.kubernetes.io/zone" with a skew of at most 1
    And the pods labelled "app=shop-16" are spread over "topology.kubernetes.io/zone" with a skew of at most 1
    And the pods labelled "app=shop-28" are spread over "topology.kubernetes.io/zone" with a skew of at most 1
