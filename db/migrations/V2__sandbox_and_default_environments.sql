-- A fresh installation can be used at once: the built-in sandbox cluster (simulated, nothing runs)
-- and the three usual stages bound to it. Admins replace the cluster or the stages when they register
-- a real one; nothing here is recreated once deleted.
insert into clusters (name, kind, description, auth_method, created_at, updated_at)
values ('sandbox', 'SANDBOX',
        'Built-in simulated cluster: Slipway pretends to run pods so rollouts can be tried. Nothing really runs.',
        'NONE', now(), now());

insert into environments (name, description, position, cluster_id, namespace_template, create_namespace, protected,
                          created_at, updated_at)
select e.name, e.description, e.position, c.id, '{app}-{env}', true, e.protected, now(), now()
from clusters c,
     (values ('dev', 'Development', 1, false),
             ('staging', 'Staging', 2, false),
             ('prod', 'Production', 3, true)) as e(name, description, position, protected)
where c.name = 'sandbox';
