/**
 * HTTP actions through OkHttp behind the {@link io.warroom.action.ActionExecutor} named {@code http}:
 * admin-API requests to configured services, health probes and Prometheus queries. With no services
 * configured it serves sandbox services (gateway, backend) and a sandbox Prometheus from Warroom itself on
 * loopback. See docs/http-actions.md.
 */
package io.warroom.probe;
