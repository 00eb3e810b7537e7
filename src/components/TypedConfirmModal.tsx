import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  List,
  ListComponent,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from '@patternfly/react-core';
import type { ApiErrorContext } from '../k8s/errors';
import { usePluginTranslation } from '../i18n';
import { ApiErrorAlert } from './ApiErrorAlert';

export type TypedConfirmModalProps = {
  isOpen: boolean;
  title: string;
  /** Exactly what will happen, in order, on which cluster (already translated). */
  consequences: ReactNode[];
  /** Numbers the consequences, for actions whose steps run in that order. */
  ordered?: boolean;
  /** Replaces the "This will:" line above the consequences, e.g. to name the cluster they happen on. */
  intro?: ReactNode;
  /** The text the admin must type, usually the object's or the hub's name. */
  confirmText: string;
  confirmLabel: string;
  variant?: 'danger' | 'warning' | 'primary';
  /** Extra fields (e.g. a reason) shown above the typed confirmation. */
  children?: ReactNode;
  /** Performs the action; the modal stays open and shows the error if it rejects. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  errorContext?: ApiErrorContext;
};

/**
 * Confirmation for destructive or fleet-moving actions: lists the consequences and asks for the
 * name to be typed. While the action runs the button is disabled, so a double click cannot send
 * it twice.
 */
export const TypedConfirmModal = ({
  isOpen,
  title,
  consequences,
  ordered,
  intro,
  confirmText,
  confirmLabel,
  variant = 'danger',
  children,
  onConfirm,
  onClose,
  errorContext,
}: TypedConfirmModalProps) => {
  const { t } = usePluginTranslation();
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const matches = typed.trim() === confirmText;
  // The action may move the page on (a promotion replaces its setup view), unmounting this modal
  // before the request settles; nothing is left to update then.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const confirm = async () => {
    if (!matches || pending) return;
    setPending(true);
    setError(undefined);
    try {
      await onConfirm();
    } catch (e) {
      if (!mounted.current) return;
      setError(e);
      setPending(false);
      return;
    }
    if (!mounted.current) return;
    // Reset before closing: the parent may unmount the modal in onClose.
    setPending(false);
    setTyped('');
    onClose();
  };

  return (
    <Modal variant="medium" isOpen={isOpen} onClose={pending ? undefined : onClose} aria-labelledby="typed-confirm-title">
      <ModalHeader title={title} labelId="typed-confirm-title" titleIconVariant={variant === 'primary' ? undefined : variant} />
      <ModalBody>
        {intro ?? <p>{t('This will:')}</p>}
        <List data-testid="consequences" component={ordered ? ListComponent.ol : ListComponent.ul}>
          {consequences.map((c, i) => (
            <ListItem key={i}>{c}</ListItem>
          ))}
        </List>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          {children}
          <FormGroup label={t('Type {{text}} to confirm', { text: confirmText })} fieldId="typed-confirm-input" isRequired>
            <TextInput
              id="typed-confirm-input"
              value={typed}
              onChange={(_e, v) => setTyped(v)}
              autoComplete="off"
              aria-describedby="typed-confirm-help"
            />
            <FormHelperText>
              <HelperText id="typed-confirm-help">
                <HelperTextItem>{t('The action stays disabled until the text matches exactly.')}</HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
        </Form>
        {error !== undefined && <ApiErrorAlert error={error} context={errorContext} />}
      </ModalBody>
      <ModalFooter>
        <Button variant={variant === 'primary' ? 'primary' : variant} onClick={() => void confirm()} isDisabled={!matches || pending} isLoading={pending}>
          {confirmLabel}
        </Button>
        <Button variant="link" onClick={onClose} isDisabled={pending}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
