-- Exact canary weights where an environment has a traffic router: Slipway then manages the app's
-- Ingress (ingress-nginx, with a canary Ingress carrying the weight) or HTTPRoute (Gateway API, with
-- backend weights). Without one, canaries split traffic by the ratio of pods.
alter table environments add column traffic_router varchar(16) check (traffic_router in ('INGRESS_NGINX', 'GATEWAY_API'));
-- the app's host name, with {app}, {team} and {env} placeholders, e.g. {app}-{env}.apps.example.com
alter table environments add column route_host varchar(200);
-- Gateway API: the Gateway the app's HTTPRoute attaches to, as namespace/name
alter table environments add column gateway varchar(127);
alter table environments add constraint environments_routing_complete
    check ((traffic_router is null and route_host is null and gateway is null)
        or (traffic_router = 'INGRESS_NGINX' and route_host is not null and gateway is null)
        or (traffic_router = 'GATEWAY_API' and route_host is not null and gateway is not null));
