-- Alert cards ask, each time they are drawn, whether their group already belongs to an incident.
create index incident_alert_group on incident_alert (alert_group);
