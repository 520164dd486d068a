{{/*
Chart name, truncated to 63 characters because Kubernetes names and label values allow no more.
*/}}
{{- define "warroom.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's objects. When the release name already contains the chart name
(helm install warroom ./helm/warroom), it is not repeated.
*/}}
{{- define "warroom.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "warroom.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "warroom.labels" -}}
helm.sh/chart: {{ include "warroom.chart" . | quote }}
{{ include "warroom.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service | quote }}
app.kubernetes.io/part-of: warroom
{{- end }}

{{/*
Selector labels: never change these after the first install, since a Deployment's selector is immutable.
*/}}
{{- define "warroom.selectorLabels" -}}
app.kubernetes.io/name: {{ include "warroom.name" . | quote }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- end }}

{{- define "warroom.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "warroom.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "warroom.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/*
Without PostgreSQL the chart runs H2 in /data, which lives on an emptyDir; the URL keeps H2 in the
PostgreSQL compatibility mode the migrations are written for.
*/}}
{{- define "warroom.databaseUrl" -}}
{{- if .Values.database.url }}
{{- .Values.database.url }}
{{- else -}}
jdbc:h2:file:/data/warroom;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0
{{- end }}
{{- end }}

{{/*
Whether the pod gets the ServiceAccount token: Kubernetes actions need it.
*/}}
{{- define "warroom.automountToken" -}}
{{- if or .Values.kubernetes.enabled .Values.serviceAccount.automountToken }}true{{ else }}false{{ end }}
{{- end }}

{{/*
Replicas: as set, else 2 with PostgreSQL and 1 with H2. H2 is one process's file, so more is refused.
*/}}
{{- define "warroom.replicas" -}}
{{- $replicas := .Values.replicaCount | default (ternary 2 1 (not (empty .Values.database.url))) | int }}
{{- if and (gt $replicas 1) (not .Values.database.url) }}
{{- fail (printf "replicaCount %d needs PostgreSQL: set database.url. Without it Warroom runs H2, a single-process database, so exactly one replica" $replicas) }}
{{- end }}
{{- $replicas }}
{{- end }}

{{/*
The data files Warroom reads at start-up, in one place: for each kind, the values key, where it is mounted,
and the setting that points Warroom at it. Adding a kind means adding it here and to values.yaml (and its
schema); the ConfigMap, the volume, the mount, the setting and the roll-on-change checksum follow.
"file" names the one key a single-file kind must have.
*/}}
{{- define "warroom.dataFolders" -}}
roster:
  mountPath: /config/roster
  env: WARROOM_ROSTER
  location: file:/config/roster/roster.yaml
  file: roster.yaml
catalog:
  mountPath: /config/commands
  env: WARROOM_CATALOG_LOCATION
  location: file:/config/commands/*.yaml
approvals:
  mountPath: /config/approvals
  env: WARROOM_APPROVALS_LOCATION
  location: file:/config/approvals/*.yaml
alertRouting:
  mountPath: /config/alert-routing
  env: WARROOM_ALERTS_ROUTING
  location: file:/config/alert-routing/routing.yaml
  file: routing.yaml
alertRunbooks:
  mountPath: /config/alert-runbooks
  env: WARROOM_ALERTS_RUNBOOKS
  location: file:/config/alert-runbooks/*.yaml
playbooks:
  mountPath: /config/playbooks
  env: WARROOM_PLAYBOOKS_LOCATION
  location: file:/config/playbooks/*.yaml
checks:
  mountPath: /config/checks
  env: WARROOM_CHECKS_LOCATION
  location: file:/config/checks/*.yaml
{{- end }}

{{/*
The files of one data kind the chart itself puts in a ConfigMap (the roster's come from roster.content).
Called with (list $ kind).
*/}}
{{- define "warroom.dataFiles" -}}
{{- $root := index . 0 }}
{{- $kind := index . 1 }}
{{- $values := index $root.Values $kind }}
{{- if $values.existingConfigMap }}
{{- else if eq $kind "roster" }}
{{- toYaml (dict "roster.yaml" $values.content) }}
{{- else if $values.files }}
{{- toYaml $values.files }}
{{- end }}
{{- end }}

{{/*
The ConfigMap holding one data kind: the operator's own, the chart's, or empty when the image's packaged
default is used. Called with (list $ kind).
*/}}
{{- define "warroom.dataConfigMap" -}}
{{- $root := index . 0 }}
{{- $kind := index . 1 }}
{{- $values := index $root.Values $kind }}
{{- if $values.existingConfigMap }}
{{- $values.existingConfigMap }}
{{- else if include "warroom.dataFiles" . }}
{{- printf "%s-%s" (include "warroom.fullname" $root) (kebabcase $kind) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
The Secret the pod takes its secrets from: the operator's own, or the one the chart creates from values.
*/}}
{{- define "warroom.secretName" -}}
{{- if .Values.existingSecret }}
{{- .Values.existingSecret }}
{{- else if .Values.secret.create }}
{{- printf "%s-secrets" (include "warroom.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Warroom's longest graceful shutdown in seconds (docs/operations.md, "Shutdown and crashes"): 20 for
requests in flight, 10 each for the task runner and the outbox dispatcher, 10 for queued commands and 20
for an approved action still running.
*/}}
{{- define "warroom.drainSeconds" -}}
70
{{- end }}

{{/*
The PromQL label matchers that select Warroom's own series.
*/}}
{{- define "warroom.metricsSelector" -}}
{{- .Values.prometheusRule.selector | default (printf "namespace=%q,job=%q" .Release.Namespace (include "warroom.fullname" .)) }}
{{- end }}
