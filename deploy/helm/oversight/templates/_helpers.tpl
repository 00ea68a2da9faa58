{{/* Common labels; `part-of: oversight` is what the engine's network policy admits. */}}
{{- define "oversight.labels" -}}
app.kubernetes.io/part-of: oversight
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "oversight.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end -}}

{{/* image: (dict "root" $ "image" .Values.image.service) */}}
{{- define "oversight.image" -}}
{{- $repo := .image.repository -}}
{{- if .root.Values.image.registry -}}{{- $repo = printf "%s/%s" (trimSuffix "/" .root.Values.image.registry) $repo -}}{{- end -}}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion .image.tag) -}}
{{- end -}}

{{- define "oversight.engineUrl" -}}
{{- if .Values.engine.enabled -}}
{{- printf "http://%s-engine:%v" .Release.Name .Values.engine.port -}}
{{- else -}}
{{- required "engine.externalUrl is required when engine.enabled is false" .Values.engine.externalUrl -}}
{{- end -}}
{{- end -}}

{{/* The connection string from the cluster's Secret. */}}
{{- define "oversight.databaseUrlEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.urlSecret.name }}
      key: {{ .Values.database.urlSecret.key }}
{{- end -}}

{{- define "oversight.podSecurity" -}}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
